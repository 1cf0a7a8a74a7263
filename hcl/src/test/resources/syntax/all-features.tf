# A file exercising every syntax feature.
// line comment
/* block
   comment */
resource "aws_s3_bucket" "logs" {
  bucket = "logs-${var.env}"
  count  = 2
  tags = {
    Name = "x"
    "quoted" : 1,
    (local.k) = true
  }
  lifecycle { prevent_destroy = true }
  empty {}
}

locals {
  n        = -1.5e2
  list     = [1, 2,
    3,]
  legacy   = var.list.0.name
  splat1   = aws_instance.web.*.id
  splat2   = aws_instance.web[*].tags["Name"]
  call     = max(var.nums...)
  tfor     = [for i, v in var.list : upper(v) if v != ""]
  ofor     = {for k, v in var.map : k => v...}
  cond     = var.a ? "yes" : "no"
  ops      = 1 + 2 * 3 - 4 / 2 % 3 == 5 || !false && 1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3
  paren    = (1 + 2) * 3
  esc      = "tab\tq\"$${x}%%{y}\u00e9"
  strip    = "a ${~ "b" ~} c"
  tmpl     = "%{ if var.a }on%{ else }off%{ endif }%{ for x in var.l }[${x}]%{ endfor }"
  heredoc  = <<EOF
hello ${var.name}
EOF
  indented = <<-EOT
    one
      two
    EOT
}

block_bare label1 "label2" {
}
