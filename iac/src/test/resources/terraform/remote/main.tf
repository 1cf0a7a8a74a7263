module "tables" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "4.0.0"
}

resource "aws_dynamodb_table" "local" {
  name = "local"
  point_in_time_recovery {
    enabled = true
  }
}
