variable "pitr" {
  type = object({
    enabled                 = optional(bool, true)
    recovery_period_in_days = optional(number)
  })
  default = {}
}

variable "indexes" {
  type = map(object({
    hash_key        = string
    projection_type = optional(string, "ALL")
  }))
  default = {
    by_email = { hash_key = "email" }
    by_date  = { hash_key = "date", projection_type = "KEYS_ONLY" }
  }
}

variable "ports" {
  type    = list(number)
  default = ["80", 443]
}

resource "aws_dynamodb_table" "t" {
  name = "t"

  dynamic "point_in_time_recovery" {
    for_each = var.pitr != null ? [var.pitr] : []
    content {
      enabled                 = point_in_time_recovery.value.enabled
      recovery_period_in_days = point_in_time_recovery.value.recovery_period_in_days
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.hash_key
      projection_type = global_secondary_index.value.projection_type
    }
  }

  ports = var.ports
}

resource "aws_s3_bucket" "bad_count" {
  count = -1
}

resource "aws_s3_bucket" "bad_each" {
  for_each = [1, 2]
}
