variable "name" {}

resource "aws_dynamodb_table" "this" {
  name = var.name
}

output "where" {
  value = path.module
}
