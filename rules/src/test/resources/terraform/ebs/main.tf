variable "encrypt" {
  type = bool
}

resource "aws_ebs_volume" "encrypted" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  tags = {
    team = "data"
  }
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "unset" {
  availability_zone = "us-east-1a"
  size              = 10
}

resource "aws_ebs_volume" "from_variable" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = var.encrypt
}

resource "aws_ebs_volume" "restored" {
  availability_zone = "us-east-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

resource "aws_ebs_snapshot" "of_encrypted" {
  volume_id = aws_ebs_volume.encrypted.id
}

resource "aws_ebs_snapshot" "of_plain" {
  volume_id = aws_ebs_volume.plain.id
}

resource "aws_ebs_snapshot" "of_unset" {
  volume_id = aws_ebs_volume.unset.id
}

resource "aws_ebs_snapshot" "of_variable" {
  volume_id = aws_ebs_volume.from_variable.id
}

resource "aws_ebs_snapshot" "of_restored" {
  volume_id = aws_ebs_volume.restored.id
}

resource "aws_ebs_snapshot" "of_existing" {
  volume_id = "vol-0123456789abcdef0"
}

resource "aws_ebs_snapshot_copy" "encrypted_copy" {
  source_snapshot_id = aws_ebs_snapshot.of_plain.id
  source_region      = "us-east-1"
  encrypted          = true
}

resource "aws_ebs_snapshot_copy" "plain_copy" {
  source_snapshot_id = aws_ebs_snapshot.of_plain.id
  source_region      = "us-east-1"
}

resource "aws_ebs_snapshot_copy" "copy_of_encrypted" {
  source_snapshot_id = aws_ebs_snapshot.of_encrypted.id
  source_region      = "us-east-1"
}

resource "aws_ebs_snapshot_copy" "copy_of_copy" {
  source_snapshot_id = aws_ebs_snapshot_copy.plain_copy.id
  source_region      = "us-east-1"
}

resource "aws_ebs_snapshot_copy" "copy_of_existing" {
  source_snapshot_id = "snap-0fedcba9876543210"
  source_region      = "us-east-1"
}

resource "aws_ebs_snapshot_copy" "misspelt" {
  source_snapshot_id = aws_ebs_snapshot.of_plain.id
  source_region      = "us-east-1"
  encrypted          = "yes"
}
