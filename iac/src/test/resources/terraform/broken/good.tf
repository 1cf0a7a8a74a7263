resource "aws_dynamodb_table" "good" {
  name = "good"
  point_in_time_recovery {
    enabled = true
  }
}
