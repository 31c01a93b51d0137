import { Button } from './button';

/** A small button of a table row whose visible word is completed by the row's name for assistive tech ("Delete" → "Delete bob"). */
export function RowButton({
  word,
  suffix,
  onClick,
  danger = false,
  disabled,
  testId,
}: {
  word: string;
  suffix: string;
  onClick: () => void;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Button className="!px-2 !py-1 text-xs" variant={danger ? 'danger' : 'secondary'} onClick={onClick} disabled={disabled} data-testid={testId}>
      {word}
      <span className="sr-only"> {suffix}</span>
    </Button>
  );
}
