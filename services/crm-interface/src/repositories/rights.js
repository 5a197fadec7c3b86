import { ForbiddenError } from './crm.error.js';
/** Collects positional parameters while SQL text is assembled. */
export class Params {
    values = [];
    add(value) {
        return `$${this.values.push(value)}`;
    }
}
/**
 * The rights model as one SQL predicate over alias `a` (see the README):
 * own rows; unassigned rows; rows marked shared whose responsible user is in the actor's sales group;
 * for reading also rows where the actor is a participant. Private rows: their responsible user only.
 */
export function rightsSql(shape, alias, params, actor, mode) {
    const me = params.add(actor.userId);
    const group = params.add(actor.salesGroup);
    const sameGroup = `(${alias}.shared AND ${group}::text IS NOT NULL AND EXISTS (SELECT 1 FROM crm.app_user o WHERE o.id = ${alias}.responsible_user_id AND o.sales_group = ${group}::text))`;
    const participant = shape.participants && mode === 'read'
        ? ` OR EXISTS (SELECT 1 FROM crm.activity_participant p WHERE p.activity_id = ${alias}.id AND p.user_id = ${me}::uuid)`
        : '';
    const others = `(${alias}.responsible_user_id IS NULL OR ${sameGroup}${participant})`;
    const notPrivate = shape.private ? `NOT ${alias}.private AND ` : '';
    return `(${alias}.responsible_user_id = ${me}::uuid OR (${notPrivate}${others}))`;
}
/** A record may be given to oneself, left unassigned, or given to a member of one's own sales group. */
export async function assertAssignable(tx, actor, responsibleUserId) {
    if (responsibleUserId === null || responsibleUserId === actor.userId)
        return;
    const { rows } = await tx.query('SELECT sales_group FROM crm.app_user WHERE id = $1', [responsibleUserId]);
    const group = rows[0]?.sales_group;
    if (!rows[0])
        throw new ForbiddenError(`responsible user ${responsibleUserId} does not exist`);
    if (actor.salesGroup === null || group !== actor.salesGroup)
        throw new ForbiddenError(`${actor.login} may not assign records to users outside their sales group`);
}
//# sourceMappingURL=rights.js.map