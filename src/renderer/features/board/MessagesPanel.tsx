import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../contract/board';
import { newId } from '../../../domain/ids';
import { awaitingAcknowledgement, type Message } from '../../../domain/incidents/messages';
import { ActorName } from '../../app/ActorName';
import { ErrorText } from '../../app/ErrorText';
import { formatDateTime } from '../../lib/time';
import type { UiError } from '../../lib/ui-error';
import { selectLanguage, selectTimeZone } from '../../state/selectors';
import { useApp } from '../../state/store-context';
import { useCan } from '../../state/use-can';
import { useMutation } from '../../state/use-mutation';
import { useMyUserId } from './use-me';

/** HICS 213 general messages: to, from, subject, message, and replies. */
export function MessagesPanel({ board }: { board: Board }) {
  const { t } = useTranslation();
  const messageSend = useMutation('message.send').run;
  const write = useCan('incident.write');
  const directory = useApp((s) => s.directory);
  const me = useMyUserId();
  const [form, setForm] = useState({ to: '', from: '', subject: '', message: '', urgent: false, recipientId: '' });
  const [error, setError] = useState<UiError | null>(null);
  const messages = [...board.messages].sort((a, b) => b.sentAt - a.sentAt);
  const inbox = awaitingAcknowledgement(board.messages, me);
  const people = directory.filter((u) => u.granted !== false);

  const send = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const { recipientId, ...fields } = form;
    const failed = await messageSend({ id: newId(), incidentId: board.incident.id, ...fields, ...(recipientId ? { recipientId } : {}) });
    setError(failed);
    if (!failed) setForm({ ...form, subject: '', message: '', urgent: false, recipientId: '' });
  };
  const field = (name: 'to' | 'from' | 'subject') => (
    <label>
      <span>{name === 'to' ? t('board.messages.to') : name === 'from' ? t('board.messages.from') : t('board.messages.subject')}</span>
      <input name={`message-${name}`} required maxLength={200} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  );

  return (
    <section className="panel messages-panel" aria-labelledby="messages-title" data-testid="messages">
      <h2 id="messages-title">{t('board.messages.title')}</h2>
      <form className="form message-form" onSubmit={(e) => void send(e)}>
        {field('to')}
        {field('from')}
        <label>
          <span>{t('board.messages.recipient')}</span>
          <select name="message-recipient" value={form.recipientId} onChange={(e) => setForm({ ...form, recipientId: e.target.value })}>
            <option value="">{t('board.messages.noRecipient')}</option>
            {people.map((u) => <option key={u.id} value={u.id}>{u.displayName || u.username}</option>)}
          </select>
        </label>
        {field('subject')}
        <label className="wide">
          <span>{t('board.messages.message')}</span>
          <textarea name="message-body" required rows={3} maxLength={4000} value={form.message} onChange={(e) => setForm({ ...form, message: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" name="message-urgent" checked={form.urgent} onChange={(e) => setForm({ ...form, urgent: e.target.checked })} />
          <span>{t('board.messages.urgent')}</span>
        </label>
        <button type="submit" className="secondary" disabled={!write.allowed} title={write.title}>{t('board.messages.send')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
      {inbox.length > 0 ? (
        <section className="message-inbox" aria-labelledby="message-inbox-title" data-testid="message-inbox">
          <h3 id="message-inbox-title">{t('board.messages.inbox', { count: inbox.length })}</h3>
          <ul className="message-list">
            {inbox.map((m) => <MessageItem key={m.id} message={m} me={me} />)}
          </ul>
        </section>
      ) : null}
      <ul className="message-list">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} me={me} />
        ))}
      </ul>
      {messages.length === 0 ? <p className="muted">{t('board.messages.empty')}</p> : null}
    </section>
  );
}

function MessageItem({ message, me }: { message: Message; me: string | null }) {
  const { t } = useTranslation();
  const language = useApp(selectLanguage);
  const timeZone = useApp(selectTimeZone);
  const messageReply = useMutation('message.reply').run;
  const acknowledge = useMutation('message.acknowledge').run;
  const awaitingMe = message.recipientId !== undefined && message.recipientId === me && message.acknowledgedAt === undefined;
  const [from, setFrom] = useState(message.to);
  const [text, setText] = useState('');
  const [error, setError] = useState<UiError | null>(null);

  const reply = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const failed = await messageReply({ id: message.id, replyId: newId(), from, text });
    setError(failed);
    if (!failed) setText('');
  };

  return (
    <li className={`message${message.urgent ? ' urgent' : ''}${awaitingMe ? ' awaiting-me' : ''}`} data-testid="message">
      <div className="message-head">
        {message.urgent ? <span className="tag tag-alert">{t('board.messages.urgent')}</span> : null}
        <strong>{message.subject}</strong>
        <span className="muted num">{formatDateTime(message.sentAt, timeZone, language)}</span>
      </div>
      <div className="message-route muted">
        {t('board.messages.route', { from: message.from, to: message.to })} · {t('board.messages.enteredBy')} <ActorName id={message.sentBy} />
      </div>
      <p>{message.message}</p>
      {message.recipientId !== undefined ? (
        <div className="message-ack" data-testid="message-ack" data-state={message.acknowledgedAt !== undefined ? 'acknowledged' : 'awaiting'}>
          {message.acknowledgedAt !== undefined ? (
            <span>
              {t('board.messages.acknowledgedBy')} <ActorName id={message.acknowledgedBy ?? message.recipientId} />{' '}
              <span className="num">{formatDateTime(message.acknowledgedAt, timeZone, language)}</span>
            </span>
          ) : (
            <span className="muted">
              {t('board.messages.awaiting')} <ActorName id={message.recipientId} />
            </span>
          )}
          {awaitingMe ? (
            <button type="button" className="primary" onClick={() => void acknowledge({ id: message.id }).then(setError)}>
              {t('board.messages.acknowledge')}
            </button>
          ) : null}
        </div>
      ) : null}
      {message.replies.map((r) => (
        <div key={r.id} className="reply" data-testid="message-reply">
          <span className="muted">
            {t('board.messages.replyFrom', { from: r.from, at: formatDateTime(r.at, timeZone, language) })} · <ActorName id={r.by} />
          </span>
          <p>{r.text}</p>
        </div>
      ))}
      <form className="inline-form" onSubmit={(e) => void reply(e)}>
        <input name="reply-from" required maxLength={200} value={from} aria-label={t('board.messages.from')} onChange={(e) => setFrom(e.target.value)} className="short" />
        <input name="reply-text" required maxLength={4000} value={text} placeholder={t('board.messages.replyPlaceholder')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="secondary">{t('board.messages.reply')}</button>
      </form>
      {error ? <ErrorText error={error} /> : null}
    </li>
  );
}
