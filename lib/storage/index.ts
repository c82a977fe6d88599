export { readStorageConfig, type StorageConfig } from "./config";
export { createStorage, getStorage, type Storage } from "./client";
export { buildDocumentKey, confirmedDocumentKey, isDocumentKeyFor } from "./keys";
export {
  checkUpload,
  acceptedMimeTypes,
  MAX_UPLOAD_BYTES,
  MIN_UPLOAD_BYTES,
  type UploadCandidate,
  type UploadCheck,
} from "./mime-policy";
export { safeFileName, attachmentContentDisposition } from "./safe-file-name";
export { presignUpload, UPLOAD_URL_TTL_SECONDS, type PresignedUpload } from "./presign-upload";
export { presignDownload, DOWNLOAD_URL_TTL_SECONDS, type PresignedDownload } from "./presign-download";
export { headObject, type StoredObjectInfo } from "./head-object";
export { deleteObject } from "./delete-object";
export { copyObject } from "./copy-object";
export {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  planParts,
  presignUploadParts,
  shouldUseMultipart,
  MULTIPART_PART_SIZE_BYTES,
  MULTIPART_THRESHOLD_BYTES,
  type PlannedPart,
  type PresignedPart,
} from "./multipart";
