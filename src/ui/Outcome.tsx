// What an action did: a polite status line that is always in the page (a live region must exist
// before its text changes to be read out), and an alert only while there is an error.
export function Outcome({ status, error }: { status: string | null; error: string | null | undefined }) {
  return (
    <>
      <p role="status" class="status">
        {status}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
