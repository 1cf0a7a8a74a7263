replicas = 5
pitr     = true
