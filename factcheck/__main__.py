from factcheck.cli import program

program()
