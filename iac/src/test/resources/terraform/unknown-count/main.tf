variable "create" {
  type = bool
}

resource "aws_dynamodb_table" "maybe" {
  count = var.create ? 1 : 0
  name  = "maybe"
}

resource "aws_db_instance" "maybe" {
  count      = var.create ? 1 : 0
  identifier = "maybe"
}

resource "aws_backup_selection" "sel" {
  name      = "sel"
  plan_id   = "plan"
  resources = [var.extra_arn]
}

variable "extra_arn" {
  type = string
}
