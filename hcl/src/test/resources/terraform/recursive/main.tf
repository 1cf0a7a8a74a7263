module "self" {
  source = "./"
}

module "a" {
  source = "./modules/a"
}
