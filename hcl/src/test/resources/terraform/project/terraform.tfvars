env   = "staging"
owner = "data-team"
