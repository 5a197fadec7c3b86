/** One schema change. Ids ascend; an applied migration is never edited (its checksum is recorded). */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}
