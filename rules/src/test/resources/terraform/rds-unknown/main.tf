variable "extra" {
  type = string
}

resource "aws_db_instance" "db" {
  identifier = "db"
}

resource "aws_backup_selection" "maybe" {
  name      = "maybe"
  plan_id   = "plan"
  resources = [var.extra]
}
