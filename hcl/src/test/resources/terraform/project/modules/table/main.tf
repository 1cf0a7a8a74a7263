variable "name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_dynamodb_table" "this" {
  name = var.name
  tags = var.tags

  point_in_time_recovery {
    enabled = true
  }
}

module "backup" {
  source    = "../backup"
  table_arn = aws_dynamodb_table.this.arn
  label     = "${var.name}-backup"
}

output "table_arn" {
  value = aws_dynamodb_table.this.arn
}

output "table_name" {
  value = aws_dynamodb_table.this.name
}

output "module_path" {
  value = path.module
}
