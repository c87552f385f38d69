// Placeholder until the extension build lands (issue 3): builds nothing.
export async function buildExtension() {}
