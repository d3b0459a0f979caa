// Equal-steps twins of a run (pure; server and browser). Creating one in the database: ./create-twin (server only).
export * from "./twins";
