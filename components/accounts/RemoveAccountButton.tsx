import { useEffect, useRef, useState } from 'preact/hooks';

export interface RemoveAccountButtonProps {
  /** Prefix for the ids inside, unique per account. */
  id: string;
  /** The account's name as saved, or empty for one not saved yet. */
  name: string;
  onConfirm: () => void;
}

/** "Remove account", which asks first: removing an account forgets its key at once. */
export function RemoveAccountButton({ id, name, onConfirm }: RemoveAccountButtonProps) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  // The question takes the focus, on its safe answer: Enter then keeps the account.
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        Remove account
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>
        Remove {name.trim() === '' ? 'this account' : `“${name}”`}? Its management key is deleted from this browser,
        with its recent results and history entries.
      </p>
      <div class="button-row">
        <button type="button" class="danger" onClick={onConfirm}>
          Remove account
        </button>
        <button type="button" ref={cancel} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
