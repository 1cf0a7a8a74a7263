variable "tables" {
  type    = set(string)
  default = ["users", "orders"]
}

locals {
  prefix = "app-${var.env}"
  tags   = merge({ Owner = "team" }, var.extra_tags)
  names  = [for t in var.tables : "${local.prefix}-${t}" if t != ""]
  by_key = { for k, v in var.map : k => upper(v) }
}

# vigil:skip=DynamoDB-003 restored from snapshots
resource "aws_dynamodb_table" "each" {
  for_each     = toset(var.tables)
  name         = each.key
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "replica" {
    for_each = var.regions
    iterator = r
    content {
      region_name = r.value
    }
  }

  point_in_time_recovery { enabled = var.pitr }
  tags = local.tags
}

module "orders" {
  source = "./modules/table"
  count  = var.enabled ? 1 : 0
  name   = "orders"
}

output "arns" {
  value = aws_dynamodb_table.each[*].arn
  description = <<-EOT
    ARNs of ${length(var.tables)} tables
    %{ for t in var.tables ~}
    - ${t}
    %{ endfor ~}
  EOT
}
