// Placeholder until the Firefox build lands (issue 3).
