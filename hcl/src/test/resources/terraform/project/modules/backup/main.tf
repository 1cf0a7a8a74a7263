variable "table_arn" {}
variable "label" {}

resource "aws_backup_selection" "table" {
  name      = var.label
  resources = [var.table_arn]
}
