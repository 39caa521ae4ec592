import { z } from 'zod';
import { withoutHiddenCharacters } from '../domain/display-text';
import { SpaceIdSchema } from '../domain/ids';
import { RoleSchema } from '../domain/roles';

/**
 * The user directory: who the account ids on records (`recordedBy`, `by`, `sentBy`...) belong to, so the board
 * can say who logged what. Names and roles only: never a password hash or a token.
 */
export const DirectoryUserSchema = z.object({
  id: z.string().min(1).max(100),
  // Accounts refuse hidden characters now (domain/display-text.ts); one created before keeps its record, and its
  // name is shown without them rather than reordering the screen.
  username: z.string().transform(withoutHiddenCharacters),
  displayName: z.string().transform(withoutHiddenCharacters),
  roles: z.array(RoleSchema),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

// ---- GET /api/spaces/:space/users (Bearer; 403 for a space the caller is not granted) ----
export const SpaceDirectorySchema = z.object({
  space: SpaceIdSchema,
  users: z.array(DirectoryUserSchema),
});
export type SpaceDirectory = z.infer<typeof SpaceDirectorySchema>;

/**
 * Who acts on a workstation that has never logged in to a hospital server (the desk's own authority). Records
 * carrying it were made on this workstation and not yet sent: the server stamps its own account id on push.
 */
export const LOCAL_OPERATOR_ID = 'local-operator';

/**
 * One entry of the workstation's copy. `granted` is false for someone who was granted the space when last seen
 * but no longer is: their name stays, because the records they made stay.
 */
/** The `changed` event kind the workstation emits when its copy of the directory changes. */
export const DIRECTORY_CHANGED_KIND = 'directory';

export const DirectoryEntrySchema = DirectoryUserSchema.extend({ granted: z.boolean() });
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

export const directoryApi = {
  /** The people of this workstation's space as last fetched from the server (kept on disk, so it works offline). */
  'directory.users': {
    params: z.strictObject({}),
    result: z.object({ users: z.array(DirectoryEntrySchema) }),
  },
} as const;
