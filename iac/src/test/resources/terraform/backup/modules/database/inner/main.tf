variable "name" {
  type = string
}

resource "aws_db_instance" "this" {
  identifier = var.name
}

output "arn" {
  value = aws_db_instance.this.arn
}
