resource "aws_dynamodb_table" "users" {
  name = "users"
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "events" {
  count = 1
  name  = "events-${count.index}"
}

resource "aws_db_instance" "main" {
  identifier = "orders"
  engine     = "postgres"
}

resource "aws_db_instance" "other" {
  identifier = "other"
  engine     = "mysql"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
}

resource "aws_backup_selection" "by_reference" {
  name      = "by-reference"
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_db_instance.main.arn]
}
