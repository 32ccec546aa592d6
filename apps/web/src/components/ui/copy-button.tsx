import { Button, type ButtonProps } from './button';
import { toast } from './toast';

/** Copies `text` to the clipboard and says so; a blocked clipboard says how to do without. */
export async function copyText(
  text: string,
  words: { copied: string; byHand: string },
): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast({ tone: 'success', title: words.copied });
  } catch {
    toast({ tone: 'error', title: 'Copy failed', description: words.byHand });
  }
}

/** A "Copy" button for a command or value shown next to it. */
export function CopyButton({
  text,
  copied,
  byHand = 'The browser blocked the clipboard: select the text and copy it by hand.',
  children = 'Copy',
  ...props
}: Omit<ButtonProps, 'onClick'> & { text: string; copied: string; byHand?: string }) {
  return (
    <Button {...props} onClick={() => void copyText(text, { copied, byHand })}>
      {children}
    </Button>
  );
}
