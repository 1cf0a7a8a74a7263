resource "aws_dynamodb_table" "bad" {
  name = 
}
