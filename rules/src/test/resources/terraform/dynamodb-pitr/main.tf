variable "tables" {
  type    = list(string)
  default = ["users", "orders"]
}

variable "pitr" {
  type = bool
}

resource "aws_dynamodb_table" "each" {
  for_each = toset(var.tables)
  name     = each.key
  point_in_time_recovery {
    enabled                 = each.key == "users"
    recovery_period_in_days = 14
  }
}

resource "aws_dynamodb_table" "counted" {
  count = 2
  name  = "counted-${count.index}"
  point_in_time_recovery {
    enabled = count.index == 1
  }
}

resource "aws_dynamodb_table" "audit" {
  name = "audit"
  point_in_time_recovery {
    enabled = var.pitr
  }
}

resource "aws_dynamodb_table" "global" {
  name = "global"
  point_in_time_recovery {
    enabled = true
  }
  replica {
    region_name = "eu-west-1"
  }
}
