import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { useApp } from '../../state/store-context';
import { useMutation } from '../../state/use-mutation';

/** Where a workstation joins its hospital server; the work done before (standalone) is kept and pushed. */
export function ServerLoginPanel() {
  const { t } = useTranslation();
  const sync = useApp((s) => s.sync);
  const loginAction = useMutation('auth.login');
  const logoutAction = useMutation('auth.logout');
  const [serverUrl, setServerUrl] = useState(sync?.serverUrl ?? 'http://127.0.0.1:4710');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await loginAction.run({ serverUrl: serverUrl.trim(), username: username.trim(), password }))) setPassword('');
  };

  if (sync?.user && !sync.needsLogin) {
    return (
      <section className="panel narrow" aria-labelledby="server-login-title" data-testid="server-session">
        <h2 id="server-login-title">{t('serverLogin.title')}</h2>
        <p>{t('serverLogin.loggedInAs', { name: sync.user.displayName, username: sync.user.username })}</p>
        <dl className="facts">
          <dt>{t('serverLogin.server')}</dt>
          <dd>{sync.serverUrl}</dd>
          <dt>{t('serverLogin.roles')}</dt>
          <dd>{sync.user.roles.join(', ')}</dd>
        </dl>
        <button type="button" disabled={logoutAction.busy} onClick={() => void logoutAction.run({})}>
          {t('serverLogin.logout')}
        </button>
        {logoutAction.error ? <ErrorText error={logoutAction.error} /> : null}
      </section>
    );
  }

  return (
    <section className="panel narrow" aria-labelledby="server-login-title">
      <h2 id="server-login-title">{t('serverLogin.title')}</h2>
      <p className="hint">{sync?.needsLogin ? t('serverLogin.needsLogin') : t('serverLogin.explain')}</p>
      <form className="form" data-testid="server-login" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t('serverLogin.serverUrl')}</span>
          <input name="serverUrl" type="url" required value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label>
          <span>{t('serverLogin.username')}</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          <span>{t('serverLogin.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={loginAction.busy}>
          {t('serverLogin.login')}
        </button>
        {loginAction.error ? <ErrorText error={loginAction.error} /> : null}
      </form>
    </section>
  );
}
