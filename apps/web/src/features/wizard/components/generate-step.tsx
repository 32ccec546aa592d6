import { lockfilePathOf } from '@botsmith/generators';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { copyText } from '../../../components/ui/copy-button';
import { toast } from '../../../components/ui/toast';
import { usePreview } from '../../../lib/use-preview';
import { DownloadError, downloadProjectZip } from '../api/download-zip';
import { buildFileTree } from '../state/file-tree';
import { CodeViewer } from './code-viewer';
import { FileTreeView } from './file-tree-view';
import { IssueList } from './issue-list';
import type { WizardStepProps } from './wizard-step-props';

const PREFERRED_FILES = ['src/index.ts', 'README.md', 'package.json'];

/**
 * The lockfile is resolved against the registry by the server, which the browser cannot do:
 * the preview lists it with a note instead of its contents.
 */
function lockfileNote(path: string): { path: string; content: string } {
  return {
    path,
    content: [
      `${path} — resolved when you download`,
      '',
      'Botsmith resolves it against the npm registry for exactly this package.json when you',
      'download the zip or set up the repository, so CI and the Docker build install the same',
      'dependency tree with a frozen install.',
      '',
    ].join('\n'),
  };
}

/** Step 6: the generated project, file by file, and its zip. */
export function GenerateStep({ config, goTo }: Pick<WizardStepProps, 'config' | 'goTo'>) {
  const { preview, updating } = usePreview(config);
  const lockfilePath = lockfilePathOf(config);
  const files = useMemo(
    () => (preview.ok ? [...preview.files, lockfileNote(lockfilePath)] : undefined),
    [preview, lockfilePath],
  );
  const tree = useMemo(() => buildFileTree(files?.map((file) => file.path) ?? []), [files]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected =
    files?.find((file) => file.path === chosen) ??
    PREFERRED_FILES.map((path) => files?.find((file) => file.path === path)).find(Boolean) ??
    files?.[0];

  const download = useMutation({
    mutationFn: (options: { lockfile: boolean }) => downloadProjectZip(config, options),
    onSuccess: (filename) => toast({ tone: 'success', title: `Downloaded ${filename}` }),
    // Shown next to the button, with the way out when only the lockfile failed.
    meta: { handlesErrors: true },
  });
  const lockfileFailed =
    download.error instanceof DownloadError && download.error.code === 'LOCKFILE_UNAVAILABLE';

  const copy = (path: string, content: string) =>
    copyText(content, { copied: `Copied ${path}`, byHand: 'The browser blocked the clipboard.' });

  if (!preview.ok) {
    return (
      <IssueList
        issues={preview.issues}
        onGoToStep={goTo}
        title="The configuration has problems, so nothing was generated"
      />
    );
  }

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite">
          <strong className="text-slate-900">{preview.files.length} files</strong> and the lockfile
          for <code className="rounded bg-slate-100 px-1">{config.project.name}</code>
          <span className="text-slate-400"> · generator {preview.generatorVersion}</span>
          {updating && <span className="text-slate-400"> · updating…</span>}
        </p>
        <Button
          variant="primary"
          onClick={() => download.mutate({ lockfile: true })}
          disabled={download.isPending}
        >
          <DownloadIcon />
          {download.isPending ? 'Resolving dependencies…' : 'Download zip'}
        </Button>
      </div>
      {download.error && (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900"
        >
          <p>{download.error.message}</p>
          {lockfileFailed && (
            <Button
              size="sm"
              onClick={() => download.mutate({ lockfile: false })}
              disabled={download.isPending}
            >
              Download without the lockfile
            </Button>
          )}
        </div>
      )}

      <Card className="grid min-h-[32rem] overflow-hidden md:grid-cols-[16rem_1fr]">
        <div className="max-h-[40rem] overflow-auto border-b border-slate-200 bg-slate-50 p-2 md:border-r md:border-b-0">
          <FileTreeView nodes={tree} selected={selected?.path ?? null} onSelect={setChosen} />
        </div>
        <div className="flex min-w-0 flex-col bg-[#0d1117]">
          {selected ? (
            <>
              <div className="flex items-center justify-between gap-2 border-b border-white/10 px-4 py-2">
                <h3 className="truncate font-mono text-xs text-slate-300">{selected.path}</h3>
                <Button
                  size="sm"
                  variant="inverse"
                  aria-label={`Copy ${selected.path}`}
                  onClick={() => copy(selected.path, selected.content)}
                >
                  Copy
                </Button>
              </div>
              <div className="max-h-[37rem] flex-1 overflow-hidden">
                <CodeViewer path={selected.path} content={selected.content} />
              </div>
            </>
          ) : (
            <p className="p-4 text-sm text-slate-400">Select a file to see its contents.</p>
          )}
        </div>
      </Card>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
      <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.6L6.3 8.2a.75.75 0 1 0-1.1 1.02l4.25 4.5a.75.75 0 0 0 1.1 0l4.25-4.5a.75.75 0 1 0-1.1-1.02l-2.95 3.14V2.75Z" />
      <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
    </svg>
  );
}
