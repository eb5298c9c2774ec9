"""The program's operations over the database, each in one transaction, and the data each view needs."""
