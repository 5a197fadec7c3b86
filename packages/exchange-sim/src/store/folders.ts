/** The well-known folders every mailbox gets, in creation order, with their parent. */
export const DEFAULT_FOLDERS: { name: string; parent?: string; folderClass: string }[] = [
  { name: 'root', folderClass: '' },
  { name: 'msgfolderroot', parent: 'root', folderClass: 'IPF.Note' },
  { name: 'inbox', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'drafts', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'sentitems', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'deleteditems', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'outbox', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'junkemail', parent: 'msgfolderroot', folderClass: 'IPF.Note' },
  { name: 'calendar', parent: 'msgfolderroot', folderClass: 'IPF.Appointment' },
  { name: 'contacts', parent: 'msgfolderroot', folderClass: 'IPF.Contact' },
  { name: 'tasks', parent: 'msgfolderroot', folderClass: 'IPF.Task' },
  { name: 'notes', parent: 'msgfolderroot', folderClass: 'IPF.StickyNote' },
  { name: 'journal', parent: 'msgfolderroot', folderClass: 'IPF.Journal' },
  { name: 'recoverableitemsroot', parent: 'root', folderClass: '' },
  { name: 'recoverableitemsdeletions', parent: 'recoverableitemsroot', folderClass: '' },
];

const NAMES: Record<string, Record<string, string>> = {
  en: {
    root: '', msgfolderroot: 'Top of Information Store', inbox: 'Inbox', drafts: 'Drafts', sentitems: 'Sent Items',
    deleteditems: 'Deleted Items', outbox: 'Outbox', junkemail: 'Junk Email', calendar: 'Calendar',
    contacts: 'Contacts', tasks: 'Tasks', notes: 'Notes', journal: 'Journal',
    recoverableitemsroot: 'Recoverable Items', recoverableitemsdeletions: 'Deletions',
  },
  de: {
    root: '', msgfolderroot: 'Oberste Ebene des Informationsspeichers', inbox: 'Posteingang', drafts: 'Entwürfe',
    sentitems: 'Gesendete Elemente', deleteditems: 'Gelöschte Elemente', outbox: 'Postausgang',
    junkemail: 'Junk-E-Mail', calendar: 'Kalender', contacts: 'Kontakte', tasks: 'Aufgaben', notes: 'Notizen',
    journal: 'Journal', recoverableitemsroot: 'Recoverable Items', recoverableitemsdeletions: 'Deletions',
  },
  fr: {
    root: '', msgfolderroot: 'Haut de la banque d’informations', inbox: 'Boîte de réception', drafts: 'Brouillons',
    sentitems: 'Éléments envoyés', deleteditems: 'Éléments supprimés', outbox: 'Boîte d’envoi',
    junkemail: 'Courrier indésirable', calendar: 'Calendrier', contacts: 'Contacts', tasks: 'Tâches', notes: 'Notes',
    journal: 'Journal', recoverableitemsroot: 'Recoverable Items', recoverableitemsdeletions: 'Deletions',
  },
};

/** Display name of a well-known folder in the mailbox's language (falls back to English). */
export function localizedFolderName(name: string, locale: string): string {
  const language = locale.slice(0, 2).toLowerCase();
  return (NAMES[language] ?? NAMES.en!)[name] ?? NAMES.en![name] ?? name;
}

export const SUPPORTED_LOCALES = Object.keys(NAMES);

/** Which item kind a folder class holds, for folder element names in responses. */
export function folderElementName(folderClass: string): 'Folder' | 'CalendarFolder' | 'ContactsFolder' | 'TasksFolder' {
  if (folderClass.startsWith('IPF.Appointment')) return 'CalendarFolder';
  if (folderClass.startsWith('IPF.Contact')) return 'ContactsFolder';
  if (folderClass.startsWith('IPF.Task')) return 'TasksFolder';
  return 'Folder';
}
