from advising_content.cli import main

main(prog_name="advising-content")
