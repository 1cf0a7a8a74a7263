variable "env" {
  default = "dev"
}

resource "aws_dynamodb_table" "orders" {
  name = "${var.env}-orders"
  point_in_time_recovery {
    enabled = var.env == "prod"
  }
}

# vigil:skip=DynamoDB-003 rebuilt nightly from S3
resource "aws_dynamodb_table" "cache" {
  name = "cache"
}
