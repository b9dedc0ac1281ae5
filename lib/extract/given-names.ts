// Given names whose bearers are overwhelmingly one gender: who "he" or "she" may be (coreference.ts),
// and whether a capitalized word opens a person's name (speakers.ts).
export type TGender = "f" | "m";

// Common English given names whose bearers are overwhelmingly one gender (US Social Security
// name statistics); a name missing here is simply of unknown gender.
export const FEMALE = new Set(
  `Abigail Alice Alexandra Alicia Amanda Amy Ana Andrea Angela Ann Anna Anne Barbara Betsy Betty Beverly Brenda Carly
  Carol Caroline Catherine Cathy Charlotte Cheryl Christina Christine Cindy Claire Claudia Condoleezza Cynthia Dana Deborah
  Debbie Denise Diana Diane Donna Doris Dorothy Elaine Elena Elizabeth Ellen Emily Emma Erica Erin Eva Evelyn Frances Gina
  Grace Heather Heidi Helen Hillary Hope Irene Jane Janet Janice Jean Jeanne Jennifer Jessica Jill Joan Joanne Joyce Judith
  Judy Julia Julie Karen Kate Katherine Kathleen Kathy Katie Kay Kelly Kellyanne Kim Kimberly Kirsten Laura Lauren Linda
  Lisa Liz Lois Loretta Lori Louise Lynn Madeleine Margaret Maria Marie Marilyn Martha Mary Maxine Megan Melania Melissa
  Michele Michelle Monica Nancy Natalie Nicole Nikki Olivia Pamela Patricia Patty Paula Peggy Penny Rachel Rebecca Rita
  Robin Rosa Rose Ruth Samantha Sandra Sandy Sara Sarah Sharon Shirley Sophie Stephanie Susan Susana Suzanne Tammy Teresa
  Theresa Tina Tracy Valerie Victoria Virginia Wendy Whitney Yvonne Dianne Ivanka Chelsea Huma Kamala Tulsi Megyn Maureen
  Meghan Marsha Debra Carla Gail Jacqueline Kristen Kristin Amber Brittany Courtney Danielle Gloria Jenna Lindsay Mia Molly
  Alison Allison Ashley Bonnie Carolyn Connie Eileen Hannah Holly Kathryn Kristina Leah Lena Leslie Lucy Marcia Marina
  Meredith Miriam Nina Nora Patti Paige Phyllis Renee Roberta Rosemary Sally Shannon Sheila Sylvia Tanya Tara Vanessa
  Veronica Wanda Zoe Alyssa Jenny Annette Audrey`.split(/\s+/),
);
export const MALE = new Set(
  `Aaron Adam Alan Albert Alex Alexander Andrew Anthony Arthur Barack Ben Benjamin Bernard Bernie Bill Bob Bobby Brad
  Brandon Brett Brian Bruce Carl Charles Charlie Chris Christopher Chuck Clarence Colin Craig Dan Daniel Danny Darrell
  David Dennis Dick Don Donald Doug Douglas Ed Edward Elijah Eric Frank Fred Gary George Gerald Greg Gregory Harold Harry
  Henry Howard Jack Jacob James Jason Jeb Jeff Jeffrey Jeremy Jerry Jim Jimmy Joe John Jon Jonathan Joseph Josh Joshua Juan
  Justin Keith Ken Kenneth Kevin Larry Lawrence Lee Leon Lindsey Louis Marco Mark Martin Matt Matthew Michael Mike Mitch
  Nathan Newt Nicholas Nick Patrick Paul Peter Phil Philip Ralph Rand Randy Ray Raymond Richard Rick Rob Robert Roger Ron
  Ronald Roy Russell Ryan Sam Samuel Scott Sean Stephen Steve Steven Ted Terry Thomas Tim Timothy Todd Tom Tony Vladimir
  Walter Wayne William Willie Jake Josh Mitt Jared Kyle Tyler Zach Evan Ethan Luke Logan Hunter Carlos Jose Luis Miguel
  Mohammed Muhammad Ahmed Omar Hassan Rudy Reince Corey Rex Reid Hank Stan Max Neil Glenn Gene Dale Dean Earl Hugh Ian Ivan
  Denis Malcolm Wesley Curt Jorge Isaac Felipe Gabriel Rupert Roland Joel Marc Seth Mario Antonio Francisco Pedro Manuel
  Rafael Victor Vincent Oliver Barry Gordon Dwight Herbert Calvin Warren Harvey Lloyd Norman Leonard Eugene Ernest
  Reggie Jesse Eli Elliott Mitchell Marcus Derek Trey Lance Brent Troy Wade Cory Duncan Stuart Nigel Emmanuel Francois
  François Rod`.split(/\s+/),
);

/** Whether a word is a common given name ("Maria", "John"). */
export function isGivenName(word: string): boolean {
  return FEMALE.has(word) || MALE.has(word);
}
