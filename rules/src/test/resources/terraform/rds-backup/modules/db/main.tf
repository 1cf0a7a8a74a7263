resource "aws_db_instance" "this" {
  identifier = "in-module"
}

output "arn" {
  value = aws_db_instance.this.arn
}
