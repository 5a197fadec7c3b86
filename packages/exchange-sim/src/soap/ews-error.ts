/**
 * An EWS error. `fault` errors end the whole request as a SOAP fault (HTTP 500 like Exchange);
 * the others become one ResponseMessage with ResponseClass="Error" and the batch goes on.
 */
export class EwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: { fault?: boolean; messageXml?: string; httpStatus?: number } = {},
  ) {
    super(message);
  }
}

export const MESSAGES = {
  ErrorItemNotFound: 'The specified object was not found in the store.',
  ErrorFolderNotFound: 'The specified folder could not be found in the store.',
  ErrorInvalidIdMalformed: 'Id is malformed.',
  ErrorInvalidSyncStateData: 'Synchronization state data is corrupt or otherwise invalid.',
  ErrorIrresolvableConflict: 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  ErrorServerBusy: 'The server cannot service this request right now. Try again later.',
  ErrorSchemaValidation: 'The request failed schema validation.',
  ErrorInvalidRequest: 'The request is invalid.',
  ErrorImpersonateUserDenied: 'The account does not have permission to impersonate the requested user.',
  ErrorNonExistentMailbox: 'The SMTP address has no mailbox associated with it.',
  ErrorInvalidServerVersion: 'The specified server version is invalid.',
  ErrorFolderExists: 'A folder with the specified name already exists.',
  ErrorInvalidAttachmentId: 'The attachment id is invalid or the attachment does not exist.',
  ErrorNameResolutionNoResults: 'No results were found.',
  ErrorNameResolutionMultipleResults: 'Multiple results were found.',
  ErrorInvalidChangeKey: 'The change key is invalid.',
  ErrorAccessDenied: 'Access is denied. Check credentials and try again.',
  ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange: 'The occurrence index is out of range.',
  ErrorInvalidPropertySet: 'The property can not be set on this item type.',
  ErrorInvalidPropertyRequest: 'The property request is invalid.',
  ErrorUnsupportedPathForQuery: 'The property path is not supported for restrictions.',
  ErrorInternalServerError: 'An internal server error occurred. The operation failed.',
  ErrorInvalidOperation: 'The operation is not valid for this item.',
  ErrorInvalidPropertyAppend: 'This property does not support append.',
  ErrorInvalidWatermark: 'The watermark is invalid.',
  ErrorSubscriptionNotFound: 'The specified subscription was not found.',
  ErrorExpiredSubscription: 'The subscription has expired.',
  ErrorCannotCreateCalendarItemInNonCalendarFolder: 'Calendar items can only be created in calendar folders.',
  ErrorCannotCreateContactInNonContactFolder: 'Contacts can only be created in contact folders.',
  ErrorCannotCreateTaskInNonTaskFolder: 'Tasks can only be created in task folders.',
  ErrorDeleteDistinguishedFolder: 'Distinguished folders cannot be deleted.',
  ErrorMoveCopyFailed: 'The move or copy operation failed.',
  ErrorSendMeetingInvitationsRequired: 'SendMeetingInvitations attribute is required for calendar items.',
  ErrorSendMeetingCancellationsRequired: 'SendMeetingCancellations attribute is required for calendar items.',
  ErrorSendMeetingInvitationsOrCancellationsRequired: 'SendMeetingInvitationsOrCancellations attribute is required for calendar items.',
  ErrorMessageDispositionRequired: 'MessageDisposition attribute is required.',
  ErrorCalendarEndDateIsEarlierThanStartDate: 'EndDate is earlier than StartDate',
  ErrorCalendarOccurrenceIsDeletedFromRecurrence: 'Occurrence with this index was previously deleted from the recurrence.',
  ErrorRequestStreamTooBig: 'The request stream is too big.',
  ErrorChangeKeyRequiredForWriteOperations: 'A change key is required for this operation.',
  ErrorCalendarCannotMoveOrCopyOccurrence: 'Cannot move or copy an occurrence of a recurring calendar item.',
} as const satisfies Record<string, string>;

export type KnownCode = keyof typeof MESSAGES;

export function ewsError(code: KnownCode, detail?: string, fault = false): EwsError {
  return new EwsError(code, detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code], { fault });
}
