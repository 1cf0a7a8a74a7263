variable "env" {
  type    = string
  default = "dev"
}

variable "replicas" {
  type    = number
  default = 1
}

variable "tables" {
  type    = set(string)
  default = ["users", "orders"]
}

variable "pitr" {
  type    = bool
  default = false
}

variable "regions" {
  type    = list(string)
  default = []
}

variable "owner" {}

locals {
  # declared before what it uses, to check dependency ordering
  table_prefix = "${local.app}-${var.env}"
  app          = "shop"
  tags         = merge(local.base_tags, { Env = var.env })
  base_tags    = { Owner = var.owner, App = local.app }
  cycle_a      = local.cycle_b
  cycle_b      = local.cycle_a
  table_arn    = module.orders.table_arn
}

resource "aws_dynamodb_table" "single" { # vigil:skip=DynamoDB-001 trailing on the first line
  name         = "${local.table_prefix}-single"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.pitr
  }

  tags = local.tags

  lifecycle {
    prevent_destroy = true
    ignore_changes  = [read_capacity, tags["Owner"], "write_capacity"]
  }
}

# An explanation that is not a directive.
# vigil:skip=DynamoDB-003 restored from nightly snapshots instead
resource "aws_dynamodb_table" "each" {
  for_each = var.tables
  name     = "${local.table_prefix}-${each.key}"
  hash_key = "id"

  dynamic "replica" {
    for_each = var.regions
    iterator = r
    content {
      region_name = r.value
      position    = r.key
    }
  }
}

# vigil:skip=DynamoDB-002 not adjacent: a blank line follows

resource "aws_dynamodb_table" "counted" {
  count = var.replicas
  name  = "counted-${count.index}"
}

resource "aws_dynamodb_table" "none" {
  count = 0
  name  = "never"
}

resource "aws_dynamodb_table" "by_map" {
  for_each = { alpha = "a-table", beta = "b-table" }
  name     = each.value
  tags     = { Key = each.key }
}

resource "aws_dynamodb_table" "blocked" {
  count = length(data.aws_availability_zones.all.names)
  name  = "blocked-${count.index}"
}

resource "aws_dynamodb_table" "blocked_each" {
  for_each = toset(data.aws_dynamodb_tables.all.names)
  name     = each.key
}

resource "aws_backup_selection" "rds" {
  name         = "rds"
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_db_instance.main.arn, aws_db_instance.replica[0].arn, "arn:aws:rds:eu-west-1:123456789012:db:legacy"]
  plan_id      = module.vpc.plan_id
  kms          = aws_kms_key.k.arn
  name_upper   = upper(aws_kms_key.k.name)
  from_module  = local.table_arn
  cycle        = local.cycle_a
  file_body    = file("${path.module}/policy.json")

  dynamic "condition" {
    for_each = { env = var.env }
    labels   = [condition.key]
    content {
      value = condition.value
    }
  }
}

module "orders" {
  source = "./modules/table"
  name   = "orders"
  tags   = local.tags
}

module "per_env" {
  source   = "./modules/table"
  for_each = toset(["blue", "green"])
  name     = "t-${each.key}"
}

module "counted" {
  source = "./modules/table"
  count  = 0
  name   = "never"
}

module "one_backup" {
  source    = "./modules/backup"
  count     = 1
  table_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/x"
  label     = "one-${count.index}"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

module "escape" {
  source = "../outside-escape/elsewhere"
}

output "orders_arn" {
  value = module.orders.table_arn
}

output "env_names" {
  value = { for k, m in module.per_env : k => m.table_name }
}

output "table_module_path" {
  value = module.orders.module_path
}
