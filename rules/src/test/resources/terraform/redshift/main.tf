variable "retention" {
  type = number
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier                  = "analytics"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = 7
  tags = {
    team = "data"
  }
}

resource "aws_redshift_cluster" "defaulted" {
  cluster_identifier = "defaulted"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "disabled" {
  cluster_identifier                  = "disabled"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = 0
}

resource "aws_redshift_cluster" "from_variable" {
  cluster_identifier                  = "from-variable"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = var.retention
}
