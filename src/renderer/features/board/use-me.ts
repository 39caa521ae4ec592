import { LOCAL_OPERATOR_ID } from '../../../contract/directory';
import { useApp } from '../../state/store-context';

/**
 * The account id this desk acts as, as records name it: the logged-in user's directory id, or the desk's own
 * operator when no server is in use. Null while the directory has not named the user yet (notices then show
 * on the cards only, not in the "your changes" list).
 */
export function useMyUserId(): string | null {
  const username = useApp((s) => s.sync?.user?.username ?? null);
  const id = useApp((s) => (username === null ? null : s.directory.find((u) => u.username === username)?.id ?? null));
  return username === null ? LOCAL_OPERATOR_ID : id;
}
