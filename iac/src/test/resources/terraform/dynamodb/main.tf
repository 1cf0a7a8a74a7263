variable "env" {
  default = "dev"
}

variable "tables" {
  type    = list(string)
  default = ["users", "orders"]
}

variable "pitr" {
  type = bool
}

locals {
  prod = var.env == "prod"
}

resource "aws_dynamodb_table" "each" {
  for_each = toset(var.tables)
  name     = "${var.env}-${each.key}"
  point_in_time_recovery {
    enabled = each.key == "users"
  }
}

resource "aws_dynamodb_table" "counted" {
  count = 2
  name  = "counted-${count.index}"
  point_in_time_recovery {
    enabled                 = count.index == 0
    recovery_period_in_days = 7
  }
}

resource "aws_dynamodb_table" "none" {
  count = 0
  name  = "never"
}

resource "aws_dynamodb_table" "conditional" {
  name = "conditional"
  point_in_time_recovery {
    enabled = local.prod ? true : false
  }
}

resource "aws_dynamodb_table" "from_tfvars" {
  name = "from-tfvars"
  point_in_time_recovery {
    enabled = var.pitr
  }
}

resource "aws_dynamodb_table" "unresolved" {
  name = "unresolved"
  point_in_time_recovery {
    enabled = data.aws_ssm_parameter.pitr.value == "on"
  }
}

resource "aws_dynamodb_table" "dynamic" {
  name = "dynamic"
  dynamic "point_in_time_recovery" {
    for_each = local.prod ? [] : [1]
    content {
      enabled = true
    }
  }
  replica {
    region_name            = "eu-west-1"
    point_in_time_recovery = true
  }
  replica {
    region_name = "us-west-2"
  }
}

# vigil:skip=DynamoDB-003 rebuilt nightly from S3
resource "aws_dynamodb_table" "cache" {
  name = "cache"
}
