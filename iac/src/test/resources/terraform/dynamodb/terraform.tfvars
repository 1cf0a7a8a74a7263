pitr = true
