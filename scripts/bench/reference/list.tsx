// The reference extension's list page: one message to the worker as the script starts, and the
// popup's history list component drawn from the reply. Nothing else: the floor of "history shown".
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ReferenceListReply, ReferenceListRequest } from './messages';
import { HistoryList } from './product';

const asked: Promise<ReferenceListReply> = browser.runtime.sendMessage({ type: 'list' } satisfies ReferenceListRequest);
void asked.then(({ entries }) =>
  render(
    <HistoryList entries={entries} now={new Date()} onPick={() => {}} onClear={() => {}} />,
    document.getElementById('app') as HTMLElement,
  ),
);
