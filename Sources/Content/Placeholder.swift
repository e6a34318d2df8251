// Placeholder until this part's first file lands.
