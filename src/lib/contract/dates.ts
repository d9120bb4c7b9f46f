/** Date spellings the contract accepts, as examples for docs and messages. */
export const DATE_EXAMPLES = ['2022-09-20', '20/09/2022', '20 September 2022', '20 Sep 2022'];
