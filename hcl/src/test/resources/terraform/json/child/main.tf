variable "table" {}

resource "aws_backup_selection" "s" {
  name = "sel-${var.table}"
}
