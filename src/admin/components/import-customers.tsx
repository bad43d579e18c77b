/**
 * The Import customers page (the Customer resource's `import` action): upload a CSV or XLSX file,
 * check the proposed mapping and formats, read the preview (counts, first invalid rows, the full
 * error report), apply, and watch the progress. The import lives on the server: its id is kept in
 * the address, so leaving the page and coming back shows where it is. Talks to
 * src/admin/imports/import-routes.ts; every rule and message comes from the domain.
 */
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { styled } from '@adminjs/design-system/styled-components';
import type { CustomerImportView } from '../../domain/imports/service.js';

const ROUTES = '/admin/customer-imports';
const POLL_MS = 1000;

const FIELDS = [
  ['firstName', 'First name', true],
  ['lastName', 'Last name', true],
  ['email', 'Email', true],
  ['phone', 'Phone', true],
  ['dateOfBirth', 'Date of birth', true],
  ['notes', 'Notes', false],
] as const;
type Field = (typeof FIELDS)[number][0];
const LABELS = Object.fromEntries(FIELDS.map(([field, label]) => [field, label])) as Record<string, string>;

const DATE_FORMATS = [
  ['DMY', 'Day/month/year (17/05/1990)'],
  ['MDY', 'Month/day/year (05/17/1990)'],
  ['ISO', 'Year-month-day (1990-05-17)'],
  ['SERIAL', 'Spreadsheet serial number (33010)'],
] as const;

type ImportView = Omit<CustomerImportView, 'createdAt' | 'finishedAt'> & {
  createdAt: string;
  finishedAt: string | null;
};
type Problem = { message?: string; errors?: Record<string, string> };

const Page = styled.div`
  padding: 24px 32px 48px;
  max-width: 1100px;
  color: #0c1e29;
  h2 {
    font-size: 18px;
    font-weight: 500;
    margin: 0 0 12px 0;
  }
  p {
    margin: 0 0 12px 0;
  }
  @media (max-width: 600px) {
    padding: 16px 12px 32px;
  }
`;

const Card = styled.section`
  background: #ffffff;
  border: 1px solid #d5d9e0;
  border-radius: 6px;
  padding: 16px 20px;
  margin-bottom: 20px;
`;

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
  gap: 12px 20px;
  margin-bottom: 12px;
  label {
    display: block;
    font-weight: 500;
    margin-bottom: 4px;
  }
  select,
  input[type='text'] {
    width: 100%;
    padding: 8px;
    border: 1px solid #8a8f99;
    border-radius: 4px;
    font: inherit;
    background: #fff;
  }
`;

const Button = styled.button`
  background: #1f4fd8;
  color: #ffffff;
  border: 0;
  border-radius: 4px;
  padding: 10px 18px;
  font: inherit;
  cursor: pointer;
  margin-right: 12px;
  &:disabled {
    background: #8a8f99;
    cursor: not-allowed;
  }
  &:focus-visible {
    outline: 3px solid #0c1e29;
    outline-offset: 2px;
  }
`;

const SecondaryButton = styled(Button)`
  background: #ffffff;
  color: #1f4fd8;
  border: 1px solid #1f4fd8;
`;

const Counts = styled.dl`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
  gap: 12px;
  margin: 0 0 16px 0;
  div {
    border: 1px solid #d5d9e0;
    border-radius: 6px;
    padding: 10px 12px;
  }
  dt {
    color: #454655;
  }
  dd {
    margin: 0;
    font-size: 24px;
    font-weight: 500;
  }
`;

const Table = styled.table`
  width: 100%;
  border-collapse: collapse;
  margin-bottom: 12px;
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid #d5d9e0;
    vertical-align: top;
  }
`;

const Alert = styled.div`
  border-left: 4px solid #c20012;
  background: #fff0f1;
  padding: 10px 14px;
  margin-bottom: 12px;
  ul {
    margin: 4px 0 0 0;
    padding-left: 20px;
  }
`;

const Hint = styled.span`
  color: #454655;
  font-size: 13px;
`;

const Progress = styled.progress`
  width: 100%;
  height: 20px;
  margin-bottom: 8px;
`;

async function call(url: string, init?: RequestInit): Promise<{ view?: ImportView; problem?: Problem }> {
  const response = await fetch(url, { credentials: 'same-origin', ...init });
  const body = (await response.json().catch(() => ({ message: 'The server did not answer as expected.' }))) as unknown;
  return response.ok ? { view: body as ImportView } : { problem: body as Problem };
}

function remember(id: number | null) {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete('importId');
  else url.searchParams.set('importId', String(id));
  window.history.replaceState(window.history.state, '', url);
}

const number = (value: number) => value.toLocaleString('en');

function ProblemBox({ problem }: { problem: Problem }) {
  const errors = Object.entries(problem.errors ?? {});
  return (
    <Alert role="alert">
      {problem.message ?? 'Please correct the following:'}
      {errors.length > 0 && (
        <ul>
          {errors.map(([field, message]) => (
            <li key={field}>
              {LABELS[field.replace(/^mapping\./, '')] ? `${LABELS[field.replace(/^mapping\./, '')]}: ` : ''}
              {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (view: ImportView) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem({ message: 'Choose a CSV or XLSX file first.' });
    setBusy(true);
    const form = new FormData();
    form.append('file', file);
    const result = await call(ROUTES, { method: 'POST', body: form });
    setBusy(false);
    if (result.view) onUploaded(result.view);
    else setProblem(result.problem ?? null);
  };
  return (
    <Card aria-labelledby="upload-heading">
      <h2 id="upload-heading">Choose the file</h2>
      <p>
        A CSV file (comma, semicolon or tab separated) or an Excel workbook (XLSX), at most 20 MB, with a header row.
        Nothing is saved until you apply the import.
      </p>
      {problem && <ProblemBox problem={problem} />}
      <form onSubmit={(event) => void upload(event)}>
        <Grid>
          <div>
            <label htmlFor="import-file">File</label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
        </Grid>
        <Button type="submit" disabled={busy}>
          {busy ? 'Reading the file…' : 'Upload and preview'}
        </Button>
      </form>
    </Card>
  );
}

function MappingStep({ view, onChanged }: { view: ImportView; onChanged: (view: ImportView) => void }) {
  const [options, setOptions] = useState(view.options);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { header, detected, unmapped } = view.report;
  const editable = view.status === 'uploaded';
  const preview = async () => {
    setBusy(true);
    const result = await call(`${ROUTES}/${view.id}/dry-run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(options),
    });
    setBusy(false);
    setProblem(result.problem ?? null);
    if (result.view) onChanged(result.view);
  };
  const setColumn = (field: Field, value: string) =>
    setOptions({ ...options, mapping: { ...options.mapping, [field]: value === '' ? null : Number(value) } });
  return (
    <Card aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Check the columns</h2>
      <p>
        The columns of <strong>{view.fileName}</strong> were matched to customer fields by their names. Change any that
        is wrong, then preview again.
      </p>
      {problem && <ProblemBox problem={problem} />}
      <Grid>
        {FIELDS.map(([field, label, required]) => (
          <div key={field}>
            <label htmlFor={`map-${field}`}>
              {label}
              {required ? ' (required)' : ''}
            </label>
            <select
              id={`map-${field}`}
              value={options.mapping[field] ?? ''}
              disabled={!editable}
              aria-invalid={Boolean(unmapped[field])}
              aria-describedby={unmapped[field] ? `map-${field}-error` : undefined}
              onChange={(event) => setColumn(field, event.target.value)}
            >
              <option value="">— no column —</option>
              {header.map((name, index) => (
                <option key={index} value={index}>
                  {name || `Column ${index + 1}`}
                </option>
              ))}
            </select>
            {unmapped[field] && (
              <Hint id={`map-${field}-error`} style={{ color: '#c20012' }}>
                {unmapped[field]}
              </Hint>
            )}
          </div>
        ))}
      </Grid>
      <Grid>
        <div>
          <label htmlFor="date-format">Dates of birth are written as</label>
          <select
            id="date-format"
            value={options.dateFormat}
            disabled={!editable}
            onChange={(event) =>
              setOptions({ ...options, dateFormat: event.target.value as typeof options.dateFormat })
            }
          >
            {DATE_FORMATS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <Hint>{detected.dateFormat ? 'Detected from the file.' : 'Not certain from the file: check it.'}</Hint>
        </div>
        <div>
          <label htmlFor="phone-region">Phone numbers without +country code are from</label>
          <input
            id="phone-region"
            type="text"
            maxLength={2}
            value={options.phoneRegion}
            disabled={!editable}
            onChange={(event) =>
              setOptions({ ...options, phoneRegion: event.target.value.toUpperCase() as typeof options.phoneRegion })
            }
          />
          <Hint>{detected.phoneRegion ? 'Detected from the file.' : 'A two-letter region code, like GB or US.'}</Hint>
        </div>
        <div>
          <label htmlFor="update-existing">
            <input
              id="update-existing"
              type="checkbox"
              checked={options.updateExisting}
              disabled={!editable}
              onChange={(event) => setOptions({ ...options, updateExisting: event.target.checked })}
            />{' '}
            Update existing customers matched by email
          </label>
          <Hint>Otherwise rows with an email already in use are reported, not written.</Hint>
        </div>
      </Grid>
      {editable && (
        <SecondaryButton type="button" onClick={() => void preview()} disabled={busy}>
          {busy ? 'Checking every row…' : 'Preview again'}
        </SecondaryButton>
      )}
    </Card>
  );
}

function PreviewStep({ view, onApplied }: { view: ImportView; onApplied: (view: ImportView) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { counts, firstErrors, unmapped } = view.report;
  const blocked = Object.keys(unmapped).length > 0;
  const apply = async () => {
    setBusy(true);
    const result = await call(`${ROUTES}/${view.id}/apply`, { method: 'POST' });
    setBusy(false);
    setProblem(result.problem ?? null);
    if (result.view) onApplied(result.view);
  };
  return (
    <Card aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      {blocked ? (
        <p>Choose a column for every required field to see the preview.</p>
      ) : (
        <>
          <p>Every row was checked with the same rules as the customer form. Nothing has been saved yet.</p>
          <Counts aria-label="What the import would do">
            <div>
              <dt>To create</dt>
              <dd>{number(counts.toCreate)}</dd>
            </div>
            <div>
              <dt>To update</dt>
              <dd>{number(counts.toUpdate)}</dd>
            </div>
            <div>
              <dt>Invalid</dt>
              <dd>{number(counts.invalid)}</dd>
            </div>
            <div>
              <dt>Unchanged</dt>
              <dd>{number(counts.unchanged)}</dd>
            </div>
          </Counts>
          {firstErrors.length > 0 && (
            <>
              <h2>First invalid rows</h2>
              <Table>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Field</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {firstErrors.map((error) => (
                    <tr key={`${error.rowNumber}-${error.field}`}>
                      <td>{error.rowNumber}</td>
                      <td>{LABELS[error.field] ?? error.field}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <p>
                <a href={`${ROUTES}/${view.id}/errors.csv`} download>
                  Download the error report (CSV, {number(counts.invalid)} rows)
                </a>{' '}
                — every invalid row as in your file, with an errors column. Fix them and upload the file again.
              </p>
            </>
          )}
        </>
      )}
      {problem && <ProblemBox problem={problem} />}
      {view.status === 'uploaded' && (
        <Button type="button" onClick={() => void apply()} disabled={busy || blocked}>
          {`Apply: create ${number(counts.toCreate)}${counts.toUpdate > 0 ? `, update ${number(counts.toUpdate)}` : ''}`}
        </Button>
      )}
    </Card>
  );
}

function ResultStep({ view, onRetry }: { view: ImportView; onRetry: () => void }) {
  const { result } = view;
  const running = view.status === 'applying' && !view.interrupted;
  return (
    <Card aria-labelledby="result-heading">
      <h2 id="result-heading">{running ? 'Applying' : view.status === 'done' ? 'Done' : 'Stopped'}</h2>
      <label htmlFor="import-progress">
        {number(view.appliedRows)} of {number(view.totalRows)} rows
      </label>
      <Progress id="import-progress" max={view.totalRows} value={view.appliedRows} />
      {running && <p>You may leave this page: the import goes on, and this page shows it when you come back.</p>}
      {(view.interrupted || view.status === 'failed') && (
        <Alert role="alert">
          {view.failure ?? 'The import was interrupted.'} What is counted below was saved; applying again goes on from
          the next row.
          <div>
            <Button type="button" onClick={onRetry} style={{ marginTop: 8 }}>
              Apply the rest
            </Button>
          </div>
        </Alert>
      )}
      <Counts aria-label="What the import did" aria-live="polite">
        <div>
          <dt>Created</dt>
          <dd>{number(result.created)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{number(result.updated)}</dd>
        </div>
        <div>
          <dt>Skipped (unchanged)</dt>
          <dd>{number(result.skipped)}</dd>
        </div>
        <div>
          <dt>Failed (invalid)</dt>
          <dd>{number(result.failed)}</dd>
        </div>
      </Counts>
      {view.status === 'done' && <a href="/admin/resources/Customer">Go to the customers</a>}
    </Card>
  );
}

const ImportCustomers: React.FC = () => {
  const [view, setView] = useState<ImportView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const show = useCallback((next: ImportView) => {
    setView(next);
    remember(next.id);
  }, []);

  const load = useCallback((id: number) => {
    call(`${ROUTES}/${id}`)
      .then((result) => {
        if (result.view) setView(result.view);
        else setProblem(result.problem ?? null);
      })
      .catch(() => setProblem({ message: 'The server could not be reached; reload the page.' }));
  }, []);

  // Coming back to the page (the import's id in the address) shows where the import is.
  useEffect(() => {
    const id = Number(new URL(window.location.href).searchParams.get('importId'));
    if (Number.isSafeInteger(id) && id > 0) load(id);
  }, [load]);

  // While it applies, its progress is read again every second, from whichever instance answers.
  useEffect(() => {
    window.clearTimeout(timer.current);
    if (view?.status === 'applying' && !view.interrupted) {
      timer.current = window.setTimeout(() => load(view.id), POLL_MS);
    }
    return () => window.clearTimeout(timer.current);
  }, [view, load]);

  const retry = async () => {
    if (!view) return;
    const result = await call(`${ROUTES}/${view.id}/apply`, { method: 'POST' });
    if (result.view) setView(result.view);
    else setProblem(result.problem ?? null);
  };

  const startOver = () => {
    setView(null);
    setProblem(null);
    remember(null);
  };

  return (
    <Page data-testid="import-customers">
      <p>Add many customers at once from a spreadsheet, checked row by row before anything is saved.</p>
      {problem && <ProblemBox problem={problem} />}
      {!view && <UploadStep onUploaded={show} />}
      {view && (
        <>
          {/* A new dry run remounts it with the options the server kept. */}
          <MappingStep key={JSON.stringify(view.options)} view={view} onChanged={show} />
          <PreviewStep view={view} onApplied={show} />
          {view.status !== 'uploaded' && <ResultStep view={view} onRetry={() => void retry()} />}
          {view.status !== 'applying' && (
            <SecondaryButton type="button" onClick={startOver}>
              Import another file
            </SecondaryButton>
          )}
        </>
      )}
    </Page>
  );
};

export default ImportCustomers;
