resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id     = "sessions"
  description              = "user sessions"
  snapshot_retention_limit = 5
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id = "queue"
  description          = "job queue"
}

resource "aws_elasticache_cluster" "page_cache" {
  cluster_id      = "page-cache"
  engine          = "memcached"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "single" {
  cluster_id               = "single"
  engine                   = "redis"
  node_type                = "cache.t4g.micro"
  num_cache_nodes          = 1
  snapshot_retention_limit = 1
}

resource "aws_elasticache_cluster" "single_without" {
  cluster_id      = "single-without"
  engine          = "redis"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "queue_replica" {
  cluster_id           = "queue-replica"
  replication_group_id = aws_elasticache_replication_group.queue.id
}
