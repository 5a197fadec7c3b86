import { child, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { parseShape } from '../items/shape.js';
import { renderItem } from '../items/item-xml.js';
import { perElement, type OpContext } from './context.js';
import { resolveItemNode } from './item-ids.js';

export function getItem(req: XNode, ctx: OpContext): string {
  const shape = parseShape(child(req, 'ItemShape'));
  const messages = (child(req, 'ItemIds')?.children ?? []).map((node) =>
    perElement('GetItemResponseMessage', '<m:Items/>', () => {
      const { item } = resolveItemNode(ctx, node);
      return successMessage('GetItemResponseMessage', el('m:Items', undefined, renderItem(item, shape, ctx.render)));
    }),
  );
  return renderOperationResponse('GetItem', messages.join(''));
}
