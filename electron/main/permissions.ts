import type { Session } from 'electron';
import { isAllowedRequest } from './url-guard';

/**
 * Denies every permission (camera, microphone, notifications, geolocation, HID, serial...) and every request
 * that is not our own renderer. A command-room screen needs none of them; one that asks is misbehaving.
 */
export function lockDownSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
    webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
  },
  log: (what: string, detail: string) => void = () => undefined,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log('permission request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log('request', details.url);
    callback({ cancel: !allowed });
  });
}
